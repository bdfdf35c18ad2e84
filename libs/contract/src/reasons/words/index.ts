export { reasonMessagesEn } from './en';
export { reasonMessagesFr } from './fr';
export {
  reasonCatalogues,
  reasonKey,
  wordReason,
  type ReasonCatalogue,
  type ReasonLike,
  type ReasonWordings,
} from './word-reason';
