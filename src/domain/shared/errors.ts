/** Languages of Polku's user interface and messages. Finnish first. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Messages = Record<Lang, string>;

/**
 * An error a user may see. It carries its own message in every UI language, so modules
 * add errors without editing a shared dictionary. The HTTP layer picks the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Messages,
    readonly details?: Record<string, unknown>,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

/** Denials look exactly like absence: nobody learns that a client exists from a refusal. */
export const notFound = () =>
  new AppError(404, 'not_found', { fi: 'Tietoa ei löytynyt.', sv: 'Uppgiften hittades inte.', en: 'Not found.' });

export const forbidden = () =>
  new AppError(403, 'forbidden', {
    fi: 'Sinulla ei ole oikeutta tähän toimintoon.',
    sv: 'Du har inte behörighet till den här funktionen.',
    en: 'You are not allowed to do this.',
  });

export const conflict = (code: string, messages: Messages, details?: Record<string, unknown>) =>
  new AppError(409, code, messages, details);

export const badRequest = (code: string, messages: Messages, details?: Record<string, unknown>) =>
  new AppError(400, code, messages, details);
