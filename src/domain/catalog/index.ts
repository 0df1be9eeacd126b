/** The catalogue's public surface (palvelutarjotin). Other modules import only this. */
export * from './catalog.types.js';
export { search, searchBody, getService, createService, updateService, serviceHistory, toListItem } from './catalog.service.js';
export { importPtvDocument, type ImportProgress, type RunInTx } from './catalog.import.js';
/** Any result that depends only on the catalogue (services, organisations, municipalities), kept per catalogue generation. */
export { cachedByCatalogGeneration } from './catalog.cache.js';
export { searchServices, CANDIDATE_LIMIT, type SearchFilters } from './catalog.search.js';
/** The in-process search index (ADR 0930): attached to the app's database, warmed after start. */
export { attachCatalogueIndex, warmCatalogueIndex, catalogSearchIndex } from './catalog.search-index.store.js';
export { hsdsService, hsdsServiceSummary, hsdsOrganization, hsdsPage } from './catalog.hsds.js';
export { findService, findServicesByIds, listActiveServices, listOrganizationsPage, findOrganization, countOrganizations, listOrganizations } from './catalog.repository.js';
export { mayEditService } from './catalog.rules.js';
export { seedCatalog } from './catalog.demo.js';
