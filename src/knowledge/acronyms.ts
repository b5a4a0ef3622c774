/**
 * Acronyms the markdown defines in passing: "Elastic Load Balancing (ELB) offers four types…". A
 * service the knowledge base names, followed by a parenthetical whose letters are the initials of
 * its words, gets that acronym as an alias, so "elb uptime" is about it. Only known services get
 * one (prose never creates a service), and an acronym that already names something is left alone.
 */
import type { EntityRegistry } from './entities';
import type { Passage } from './knowledge-base';

/** An all-caps parenthetical of 2 to 6 letters (`(ELB)`, `(VPC)`): a possible acronym. Linear: no nested quantifiers. */
const PARENTHETICAL = /\(([A-Z]{2,6})\)/g;

/** Whether `words` are spelled by `acronym`'s letters, one initial each (`Elastic Load Balancing` ~ `ELB`). */
function spells(words: readonly string[], acronym: string): boolean {
  return words.length === acronym.length && words.every((w, i) => w[0]?.toUpperCase() === acronym[i] && /^[A-Z]/.test(w));
}

/** Teaches `registry` every acronym the passages define for a service it knows; returns how many it learned. */
export function learnAcronyms(passages: readonly Passage[], registry: EntityRegistry): number {
  let learned = 0;
  for (const p of passages) {
    if (p.kind === 'code' || !p.text.includes('(')) continue;
    for (const m of p.text.matchAll(PARENTHETICAL)) {
      const acronym = m[1];
      const before = p.text.slice(0, m.index).trim().split(/\s+/);
      const words = before.slice(-acronym.length);
      if (!spells(words, acronym)) continue;
      if (registry.defineAcronym(words.join(' '), acronym)) learned += 1;
    }
  }
  return learned;
}
