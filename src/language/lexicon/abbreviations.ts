/** Chat abbreviations of English words. */
import { wordMap } from './word-list';

/**
 * Chat abbreviations and their full words, for matching content (not service names: `App Runner`
 * is found by the entity scanner, which does not expand).
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = wordMap('ABBREVIATIONS', [
  ['app', 'application'],
  ['apps', 'applications'],
  ['db', 'database'],
  ['dbs', 'databases'],
  ['infra', 'infrastructure'],
  ['config', 'configuration'],
  ['env', 'environment'],
  ['envs', 'environments'],
  ['lang', 'language'],
  ['langs', 'languages'],
  ['perf', 'performance'],
  ['repo', 'repository'],
  ['repos', 'repositories'],
  ['docs', 'documentation'],
  ['auth', 'authentication'],
  ['prod', 'production'],
  ['dev', 'development'],
  ['max', 'maximum'],
  ['min', 'minimum'],
  ['mins', 'minutes'],
  ['secs', 'seconds'],
  ['ml', 'machine learning'],
  ['param', 'parameter'],
  ['params', 'parameters'],
  ['msg', 'message'],
  ['msgs', 'messages'],
  ['dir', 'directory'],
]);
