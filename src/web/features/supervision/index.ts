/** What other features use of supervision: the emergency access form shown where access is refused. */
export { EmergencyAccessForm } from './emergency-access-form.js';
