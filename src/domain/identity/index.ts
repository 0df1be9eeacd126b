export type { Actor } from './actor.js';
export * from './roles.js';
export { hashPassword, verifyPassword } from './password.js';
export { login, logout, resolveSession, type SessionPolicy } from './session.service.js';
export { deleteUserSessions } from './identity.repository.js';
