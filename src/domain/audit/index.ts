export { recordAudit, auditInStatement, cleanLogText, type AuditEntry } from './audit.service.js';
export { listClientAccess, listChain } from './audit.repository.js';
