import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorMessage, LoadingState } from '../../ui/index.js';
import { useRecommendations } from './clients.api.js';

const canSpeak = () => typeof window !== 'undefined' && 'speechSynthesis' in window;

/** Reads the reasons aloud in Finnish (they are written to be read to the client). */
function ReadAloud({ text }: { text: string }) {
  const { t } = useTranslation('clients');
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => { if (canSpeak()) window.speechSynthesis.cancel(); }, []);
  if (!canSpeak()) return null;
  const toggle = () => {
    window.speechSynthesis.cancel();
    if (speaking) return setSpeaking(false);
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'fi-FI';
    u.onend = () => setSpeaking(false);
    setSpeaking(true);
    window.speechSynthesis.speak(u);
  };
  return (
    <Button size="small" variant="quiet" onClick={toggle} aria-pressed={speaking}>
      <span aria-hidden="true">🔊 </span>
      {speaking ? t('actions.stopReading') : t('actions.readAloud')}
    </Button>
  );
}

export function RecommendationsTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation('clients');
  const recs = useRecommendations(clientId);
  return (
    <Card title={t('recs.title')}>
      <p>{t('recs.intro')}</p>
      {recs.isPending && <LoadingState />}
      {recs.isError && <ErrorMessage error={recs.error} onRetry={() => void recs.refetch()} />}
      {recs.data && (
        <>
          {(recs.data.segment || recs.data.level) && (
            <p className="suggestion__headline">
              {recs.data.segment && <>{t('assessment.segment')}: <strong>{t(`segments.${recs.data.segment.code}`)}</strong></>}
              {recs.data.level && <> · {t('assessment.level')}: <strong>{t(`levels.${recs.data.level.code}`)}</strong></>}
            </p>
          )}
          {recs.data.services.length === 0 ? (
            <p>{t('recs.none')}</p>
          ) : (
            <ol className="recs">
              {recs.data.services.map((s) => (
                <li key={s.id} className="recs__item">
                  <h3 className="recs__name">{s.name}</h3>
                  <p className="recs__provider">{t('recs.provider')}: {s.provider.name}</p>
                  <ul className="recs__reasons">{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                  <ReadAloud text={`${s.name}. ${s.reasons.join('. ')}`} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Card>
  );
}
