/** Public surface of the guidance module: pure decision logic (no DB, no HTTP). */
export * from './finnish-text.js';
export * from './life-areas.js';
export * from './needs-vocabulary.js';
export * from './profile-cards.js';
export * from './segmentation.rules.js';
export * from './recommendation.rules.js';
