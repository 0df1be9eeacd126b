import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessDeniedError, recordDenial } from '../../domain/access/index.js';
import { AppError } from '../../domain/shared/errors.js';
import { isDatabaseBusy } from '../../db/database.js';
import { DatabaseBusyError } from '../../db/pglite-dialect.js';
import { requestLang } from '../i18n.js';
import type { AppContext } from '../route.js';
import type { Config } from '../../config.js';
import { setSecurityHeaders } from './security.js';

const INTERNAL = {
  fi: 'Palvelussa tapahtui virhe. Yritä hetken päästä uudelleen. Jos virhe toistuu, kerro tukeen virhetunnus.',
  sv: 'Ett fel inträffade i tjänsten. Försök igen om en stund. Om felet upprepas, ge supporten felkoden.',
  en: 'Something went wrong. Please try again shortly. If it happens again, give support the error id.',
};

const BUSY = {
  fi: 'Palvelu on juuri nyt ruuhkainen. Yritä muutaman sekunnin päästä uudelleen.',
  sv: 'Tjänsten är överbelastad just nu. Försök igen om några sekunder.',
  en: 'The service is busy right now. Please try again in a few seconds.',
};

const URL_TOO_LONG = {
  fi: 'Osoite on liian pitkä. Tarkista osoite.',
  sv: 'Adressen är för lång. Kontrollera adressen.',
  en: 'The address is too long. Check the address.',
};
const BAD_URL = {
  fi: 'Osoitetta ei voitu lukea. Tarkista osoite.',
  sv: 'Adressen kunde inte läsas. Kontrollera adressen.',
  en: 'The address could not be read. Check the address.',
};

/**
 * Fastify's `frameworkErrors` option: errors the router answers before any hook or handler runs
 * (a path parameter over maxParamLength, a malformed URL) get the same localized error shape
 * with a correlation id as everything else, never Fastify's own body. No hook runs on this path,
 * so the security headers of the onSend hook are set here as well.
 */
export function createFrameworkErrorHandler(config: Pick<Config, 'secureCookies'>) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => frameworkErrorHandler(error, req, reply, config);
}

function frameworkErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply, config: Pick<Config, 'secureCookies'>) {
  let lang: ReturnType<typeof requestLang> = 'fi';
  try {
    lang = requestLang(req);
  } catch {
    // The URL itself may be what is broken; Finnish is the default.
  }
  const correlationId = String(req.id);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : (error.statusCode ?? 400);
  void reply.code(status >= 500 ? 500 : status);
  setSecurityHeaders(req, reply, config);
  if (status >= 500) {
    req.log.error({ err: error }, 'framework error');
    void reply.code(500).send({ error: { code: 'internal', message: INTERNAL[lang], correlationId } });
    return;
  }
  void reply
    .code(status)
    .send({ error: { code: tooLong ? 'uri_too_long' : 'bad_request', message: (tooLong ? URL_TOO_LONG : BAD_URL)[lang], correlationId } });
}

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
    if (isDatabaseBusy(err)) {
      // Bounded waiting: the request did not get the database within the queue deadline.
      req.log.warn({ err }, 'database busy');
      const retryAfter = err instanceof DatabaseBusyError ? err.retryAfterSeconds : 5;
      return reply.code(503).header('retry-after', String(retryAfter)).send({ error: { code: 'busy', message: BUSY[lang], correlationId } });
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
