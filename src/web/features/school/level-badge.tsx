import { useTranslation } from 'react-i18next';
import type { AbsenceLevel } from '../../../contracts/absence.contracts.js';

/**
 * The level as a badge that never relies on colour alone: a shape that fills up step by step
 * (○ ◔ ◑ ◕ ●) and the level in words. The shape is decorative; the words are read aloud.
 */
const SHAPE: Record<AbsenceLevel, string> = { none: '○', concern: '◔', over30: '◑', over50: '◕', over70: '●' };

export function LevelBadge({ level }: { level: AbsenceLevel }) {
  const { t } = useTranslation('school');
  return (
    <span className={`level-badge level-badge--${level}`}>
      <span aria-hidden="true" className="level-badge__shape">{SHAPE[level]}</span> {t(`level.${level}`)}
    </span>
  );
}
