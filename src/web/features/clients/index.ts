/** What other features may reuse from the clients feature (the portal uses the self-assessment form). */
export { SelfAssessmentForm, type SelfAssessmentFormProps } from './self-assessment-form.js';
