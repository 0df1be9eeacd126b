export { recordPathEvent, type PathEventInput } from './path.recorder.js';
export { PATH_PHASES, type PathPhase, type PathEventTable } from './path.tables.js';
