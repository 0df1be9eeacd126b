import type { FastifyError, FastifyInstance } from 'fastify';
import { AccessDeniedError, recordDenial } from '../../domain/access/index.js';
import { AppError } from '../../domain/shared/errors.js';
import { requestLang } from '../i18n.js';
import type { AppContext } from '../route.js';

const INTERNAL = {
  fi: 'Palvelussa tapahtui virhe. Yritä hetken päästä uudelleen. Jos virhe toistuu, kerro tukeen virhetunnus.',
  sv: 'Ett fel inträffade i tjänsten. Försök igen om en stund. Om felet upprepas, ge supporten felkoden.',
  en: 'Something went wrong. Please try again shortly. If it happens again, give support the error id.',
};

/**
 * Every error leaves as `{"error":{"code","message","correlationId"}}` in the user's language.
 * Details (SQL, stacks) go only to the server log, keyed by the correlation id.
 */
export function registerErrorHandler(app: FastifyInstance, ctx: AppContext, options: { spa: boolean }) {
  app.setErrorHandler(async (err: FastifyError | AppError | Error, req, reply) => {
    const lang = requestLang(req);
    const correlationId = String(req.id);
    if (err instanceof AccessDeniedError) {
      await ctx.db
        .transaction()
        .execute((tx) => recordDenial(tx, err))
        .catch((e) => req.log.error({ err: e }, 'could not audit a refused access'));
    }
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.code);
      const body: Record<string, unknown> = { code: err.code, message: err.messages[lang], correlationId };
      if (err.details) body.details = err.details;
      return reply.code(err.status).send({ error: body });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : 'bad_request';
      const message = {
        fi: 'Pyyntöä ei voitu lukea. Tarkista sen muoto.',
        sv: 'Begäran kunde inte läsas. Kontrollera formatet.',
        en: 'The request could not be read. Check its format.',
      }[lang];
      return reply.code(fe.statusCode).send({ error: { code, message, correlationId } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: INTERNAL[lang], correlationId } });
  });
  app.setNotFoundHandler(async (req, reply) => {
    // Deep links of the single-page app (e.g. /asiakkaat/123) get its index.html.
    if (options.spa && req.method === 'GET' && !req.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const lang = requestLang(req);
    return reply.code(404).send({
      error: { code: 'not_found', message: { fi: 'Sivua ei löytynyt.', sv: 'Sidan hittades inte.', en: 'Not found.' }[lang], correlationId: String(req.id) },
    });
  });
}
