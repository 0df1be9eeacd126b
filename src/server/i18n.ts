import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { LANGUAGES, type Lang } from '../domain/shared/errors.js';

/** The request's language: ?lang, then the UI's cookie, then Accept-Language; Finnish by default. */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === 'string' && isLang(q)) return q;
  const cookie = req.cookies?.polku_lang;
  if (cookie && isLang(cookie)) return cookie;
  const header = req.headers['accept-language'];
  if (header) {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (isLang(tag)) return tag;
    }
  }
  return 'fi';
}

function isLang(v: string): v is Lang {
  return (LANGUAGES as readonly string[]).includes(v);
}

const FIELD_PROBLEMS: Record<string, Record<Lang, string>> = {
  required: { fi: 'puuttuu', sv: 'saknas', en: 'is missing' },
  invalid_type: { fi: 'on väärää tyyppiä', sv: 'har fel typ', en: 'has the wrong type' },
  too_small: { fi: 'on liian pieni tai lyhyt', sv: 'är för liten eller kort', en: 'is too small or short' },
  too_big: { fi: 'on liian suuri tai pitkä', sv: 'är för stor eller lång', en: 'is too large or long' },
  invalid_format: { fi: 'on väärässä muodossa', sv: 'har fel format', en: 'has the wrong format' },
  invalid_value: { fi: 'ei ole sallittu arvo', sv: 'är inte ett tillåtet värde', en: 'is not an allowed value' },
  unrecognized_keys: { fi: 'sisältää tuntemattomia kenttiä', sv: 'innehåller okända fält', en: 'has unknown fields' },
  custom: { fi: 'ei kelpaa', sv: 'är ogiltig', en: 'is not valid' },
};

const WHERE: Record<string, Record<Lang, string>> = {
  body: { fi: 'Pyynnön sisältö', sv: 'Begärans innehåll', en: 'Request body' },
  query: { fi: 'Hakuehto', sv: 'Sökvillkor', en: 'Query parameter' },
  params: { fi: 'Osoitteen osa', sv: 'Adressdel', en: 'Path parameter' },
};

/** Turns zod issues into one plain sentence per problem, in the user's language. */
export function describeIssues(where: 'body' | 'query' | 'params', issues: z.core.$ZodIssue[], lang: Lang) {
  return issues.slice(0, 10).map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : null;
    const kind =
      issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'required' : issue.code;
    const problem = (FIELD_PROBLEMS[kind] ?? FIELD_PROBLEMS.custom!)[lang];
    const subject = field ? `${fieldWord(lang)} "${field}"` : WHERE[where]![lang];
    return { field, code: kind, message: `${subject} ${problem}.` };
  });
}

function fieldWord(lang: Lang) {
  return lang === 'fi' ? 'Kenttä' : lang === 'sv' ? 'Fältet' : 'Field';
}

export const INVALID_REQUEST: Record<Lang, string> = {
  fi: 'Pyynnössä on virheitä',
  sv: 'Begäran innehåller fel',
  en: 'The request has errors',
};
