/**
 * Shape of the PAKU quality-criteria questionnaires (seed `002`, "Asiakaslähtöiset
 * palveluohjauksen laatukriteerit"; GUIDE §7).
 */
export type LocalizedText = { fi: string; sv: string; en: string };

/** The four parts of the comprehensive service-guidance model. */
export const QUESTIONNAIRE_IDS = ['preventive', 'intensive', 'ngo', 'digital'] as const;
export type QuestionnaireId = (typeof QUESTIONNAIRE_IDS)[number];

/** The four groups every part is rated in, in the seed's order. */
export const QUALITY_GROUP_IDS = ['encounter', 'competence', 'cooperation', 'follow-up'] as const;
export type QualityGroupId = (typeof QUALITY_GROUP_IDS)[number];

/** Who answers an item: the client, the professional (self-assessment) or a manager (structures). */
export const RESPONDENTS = ['client', 'professional', 'manager'] as const;
export type Respondent = (typeof RESPONDENTS)[number];

export type Rating = 1 | 2 | 3 | 4 | 5;

export interface QuestionnaireItem {
  /** Stable: stored answers refer to it. `<part>.<group>.<n>`. */
  id: string;
  group: QualityGroupId;
  respondent: Respondent;
  /** Exactly as printed in the seed (upper case, its typos included), lines joined by a space. */
  seedText: string;
  /** fi is the seed's wording in sentence case with the typos listed in SEED_CORRECTIONS fixed. */
  text: LocalizedText;
}

export interface QualityGroup {
  id: QualityGroupId;
  title: LocalizedText;
  items: QuestionnaireItem[];
}

export interface Questionnaire {
  id: QuestionnaireId;
  title: LocalizedText;
  groups: QualityGroup[];
}
