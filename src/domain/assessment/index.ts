export {
  assessmentHistory,
  configureLifeAreas,
  latestLifeSituation,
  lifeAreasFor,
  lifeAreasResponse,
  recordAssessment,
  recordSelfAssessment,
  selfAssessmentHistory,
  suggest,
  suggestForClient,
} from './assessment.service.js';
export { insertAssessment, insertSelfAssessment, assessmentsOf } from './assessment.repository.js';
export { movements, selfAssessmentChange, decisionProblem } from './assessment.rules.js';
