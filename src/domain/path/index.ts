export { recordPathEvent, type PathEventInput } from './path.recorder.js';
export { PATH_PHASES, type PathPhase, type PathEventTable } from './path.tables.js';
export { getClientPath } from './path.service.js';
export { groupIntoPhases, isInterface, orderSectors, type PathStepInput, type ShapedStep } from './path.rules.js';
