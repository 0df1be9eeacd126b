/** What other features (the portal, the client page) use of the path feature. */
export { ClientPathView } from './client-path.js';
export { PathPicture } from './path-picture.js';
export { PathTable } from './path-table.js';
export { useClientPath, pathKey } from './path.api.js';
