// Public surface of the exhibits capability: each tenant's exhibit files, and attaching them.
export { ExhibitStore, NO_SUCH_EXHIBIT } from './store';
export type { ExhibitLimits, StoredExhibit, SavedExhibit } from './store';
export { exhibitPath, tenantFolder, MAX_EXHIBIT_PATH } from './layout';
export { attachExhibit, attachFromFolder } from './attach';
export type { AttachedExhibit, ExhibitServices, FolderAttachment } from './attach';
