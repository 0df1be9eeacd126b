import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPath, PathSector, PathStep } from '../../../contracts/path.contracts.js';
import { SECTOR_LETTERS, shortDate } from './path.api.js';
import './path.css';

const LABEL_W = 210;
const LANE_H = 46;
const COL_W = 48;
const PHASE_GAP = 28;
const TOP = 56; // room for phase names
const BOTTOM = 30; // room for step numbers

interface Placed {
  step: PathStep;
  n: number;
  x: number;
}

/** Columns in time order, phases side by side with a gap: x positions of every step. */
function layout(path: ClientPath) {
  const placed: Placed[] = [];
  const phases: { code: string; x0: number; x1: number }[] = [];
  let x = LABEL_W + PHASE_GAP / 2;
  let n = 0;
  for (const phase of path.phases) {
    const x0 = x;
    for (const step of phase.steps) {
      placed.push({ step, n: ++n, x: x + COL_W / 2 });
      x += COL_W;
    }
    if (phase.steps.length === 0) x += COL_W; // an empty phase still shows as a place on the path
    phases.push({ code: phase.code, x0, x1: x });
    x += PHASE_GAP;
  }
  return { placed, phases, width: x };
}

/**
 * The path picture for workers: an SVG swimlane timeline with one lane per sector, the steps
 * in time order grouped by the four phases. An interface (more than one sector) is drawn as a
 * striped band joining its lanes with diamond markers, so it is told apart without colour.
 * The SVG is a picture with a title and description; the table next to it is the text alternative.
 */
export function PathPicture({ path }: { path: ClientPath }) {
  const { t } = useTranslation('path');
  const id = useId();
  const lanes: PathSector[] = path.sectors.length ? path.sectors : ['wellbeing-county'];
  const laneY = (s: PathSector) => TOP + lanes.indexOf(s) * LANE_H + LANE_H / 2;
  const { placed, phases, width } = layout(path);
  const height = TOP + lanes.length * LANE_H + BOTTOM;
  const steps = placed.length;
  return (
    <figure className="path-picture">
      <div className="path-picture__scroll" role="region" aria-label={t('picture.scrollHint')} tabIndex={0}>
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="path-picture__svg"
        >
          <title id={`${id}-title`}>{t('picture.label')}</title>
          <desc id={`${id}-desc`}>{t('picture.desc', { steps, interfaces: path.interfaceCount })}</desc>
          <defs>
            <pattern id={`${id}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="path-picture__band-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="path-picture__band-stripe" />
            </pattern>
          </defs>
          {lanes.map((s, i) => (
            <g key={s}>
              <rect x={0} y={TOP + i * LANE_H} width={width} height={LANE_H} className={i % 2 ? 'path-picture__lane--odd' : 'path-picture__lane'} />
              <text x={8} y={laneY(s) + 5} className="path-picture__lane-label">
                {SECTOR_LETTERS[s]} · {t(`sectors.${s}`)}
              </text>
            </g>
          ))}
          {phases.map((p, i) => (
            <g key={p.code}>
              {i > 0 && <line x1={p.x0 - PHASE_GAP / 2} x2={p.x0 - PHASE_GAP / 2} y1={8} y2={height - 4} className="path-picture__phase-line" />}
              <text x={p.x0} y={22} className="path-picture__phase-number">
                {i + 1}.
              </text>
              <text x={p.x0} y={40} className="path-picture__phase-label">
                {t(`phases.${p.code}`)}
              </text>
            </g>
          ))}
          {placed.map(({ step, n, x }) => (
            <StepMark key={step.id} step={step} n={n} x={x} laneY={laneY} stripes={`url(#${id}-stripes)`} bottom={height - 10} />
          ))}
        </svg>
      </div>
      <figcaption className="path-picture__legend">
        <span className="visually-hidden">{t('picture.legend')}: </span>
        <span className="path-legend__item">
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" className="path-picture__dot" />
          </svg>
          {t('picture.single')}
        </span>
        <span className="path-legend__item">
          <svg width="16" height="16" aria-hidden="true">
            <rect x="3" y="0" width="10" height="16" fill={`url(#${id}-stripes)`} className="path-picture__band" />
            <path d="M8 2 L14 8 L8 14 L2 8 Z" className="path-picture__diamond" />
          </svg>
          {t('picture.interface')}
        </span>
        <span className="path-legend__item">
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" className="path-picture__dot path-picture__dot--upcoming" />
          </svg>
          {t('picture.upcoming')}
        </span>
      </figcaption>
    </figure>
  );
}

function StepMark(props: { step: PathStep; n: number; x: number; laneY: (s: PathSector) => number; stripes: string; bottom: number }) {
  const { t } = useTranslation('path');
  const { step, n, x, laneY, stripes, bottom } = props;
  const ys = step.sectors.map(laneY);
  const upcoming = step.upcoming ? ' path-picture__dot--upcoming' : '';
  const label = `${n}. ${shortDate(step.at)} ${step.title} – ${step.sectors.map((s) => t(`sectors.${s}`)).join(', ')}${step.interface ? ` – ${t('interfaceBadge')}` : ''}`;
  return (
    <g className="path-picture__step">
      <title>{label}</title>
      {step.interface && (
        <rect x={x - 9} y={Math.min(...ys) - 12} width={18} height={Math.max(...ys) - Math.min(...ys) + 24} rx={9} fill={stripes} className="path-picture__band" />
      )}
      {ys.map((y, i) =>
        step.interface ? (
          <path key={i} d={`M${x} ${y - 8} L${x + 8} ${y} L${x} ${y + 8} L${x - 8} ${y} Z`} className={`path-picture__diamond${upcoming}`} />
        ) : (
          <circle key={i} cx={x} cy={y} r={7} className={`path-picture__dot${upcoming}`} />
        ),
      )}
      <text x={x} y={bottom} textAnchor="middle" className="path-picture__step-number">
        {n}
      </text>
    </g>
  );
}
