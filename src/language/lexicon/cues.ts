/**
 * The words that signal what kind of question it is. Language, not knowledge: the knowledge's
 * own vocabulary (facets, service names) lives in `knowledge/services.yml`.
 */
import { phraseList, wordSet } from './word-list';

export const COMPARE_WORDS = wordSet(
  'COMPARE_WORDS',
  'vs vs. versus compare compared comparing comparison difference differences differ different between or better worse against choose choosing pick',
);
export const RECOMMEND_WORDS = wordSet(
  'RECOMMEND_WORDS',
  'recommend recommended recommendation suggest suggestion should best which what ideal suitable choose pick use need want have already looking good',
);
export const HELP_WORDS = wordSet(
  'HELP_WORDS',
  'help hello hi hey hiya yo start started commands command usage howdy greetings morning afternoon evening menu about bot /help /start examples example ask asking questions',
);
export const ALL_WORDS = wordSet('ALL_WORDS', 'all every list table each overview summary full complete entire slas');
/** Words that ask for an amount of money rather than a pricing model. */
export const AMOUNT_WORDS = wordSet(
  'AMOUNT_WORDS',
  'much hourly monthly dollar dollars usd $ eur cents cent rate rates exact cheapest cheaper costlier pricier quote',
);
/** With a money word, these ask for an amount (so does any "per …": `read.ts`). */
export const AMOUNT_PHRASES = phraseList('AMOUNT_PHRASES', ['how much', 'price list', 'price of']);
/** With "how much", these ask for an amount even without a money word ("how much is EC2 per month"). */
export const PERIOD_PHRASES = phraseList('PERIOD_PHRASES', [
  'per hour',
  'per month',
  'per year',
  'per day',
  'a month',
  'an hour',
  'a year',
  'monthly',
  'hourly',
]);
/**
 * What kind of answer a question asks for, by the phrases that ask it: a figure ("how many", "max"),
 * a procedure ("how do I", "steps to", and what to do about something: "reduce", "fix"), a cause ("why", "what makes"). The scoring model weighs
 * whether a reading states that kind of thing (`router/features.ts`).
 */
export const FIGURE_PHRASES = phraseList('FIGURE_PHRASES', [
  ['how', 'many'],
  ['how', 'much'],
  ['how', 'long'],
  ['how', 'big'],
  ['how', 'large'],
  ['max'],
  ['maximum'],
  ['minimum'],
  ['number', 'of'],
  ['what', 'percentage'],
] as const);
export const PROCEDURE_PHRASES = phraseList('PROCEDURE_PHRASES', [
  ['how', 'do', 'i'],
  ['how', 'do', 'we'],
  ['how', 'to'],
  ['how', 'can', 'i'],
  ['how', 'can', 'we'],
  ['how', 'can', 'you'],
  ['how', 'do', 'you'],
  ['how', 'would', 'you'],
  ['how', 'should', 'i'],
  ['how', 'should', 'we'],
  ['what', 'do', 'you', 'do'],
  ['what', 'should', 'i', 'do'],
  ['what', 'should', 'we', 'do'],
  ['what', 'can', 'i', 'do'],
  ['reduce'],
  ['minimize'],
  ['minimise'],
  ['avoid'],
  ['prevent'],
  ['mitigate'],
  ['improve'],
  ['speed', 'up'],
  ['fix'],
  ['troubleshoot'],
  ['optimize'],
  ['optimise'],
  ['steps'],
  ['step', 'by', 'step'],
  ['configure'],
  ['set', 'up'],
  ['setup'],
  ['enable'],
  ['migrate'],
  ['install'],
] as const);
export const CAUSE_PHRASES = phraseList('CAUSE_PHRASES', [
  ['why'],
  ['what', 'causes'],
  ['what', 'makes'],
  ['reason'],
  ['reasons'],
  ['cause'],
  ['caused'],
] as const);

/** Openings that ask what something is ("what is container orchestration?"), not which service to use. */
export const DEFINITION_STARTS = phraseList('DEFINITION_STARTS', [
  ['what', 'is'],
  ['what', 'are'],
  ['what', 's'],
  ['whats'],
  ['define'],
] as const);

/** Phrases that ask for a count of what follows them ("how many read replicas"). */
export const COUNT_PHRASES = phraseList('COUNT_PHRASES', [['how', 'many']] as const);
export const MONEY_WORDS = wordSet('MONEY_WORDS', 'cost costs price prices pricing priced charge charges pay bill billing expensive cheap');

/**
 * Words that carry no subject: they never make a question "about" something the KB lacks (the
 * comparison words are {@link COMPARE_WORDS}, read alike; the knowledge base's own, `aws`,
 * `region`, are `domainWords` in `services.yml`).
 */
export const GENERIC_WORDS = wordSet(
  'GENERIC_WORDS',
  'service services option options application applications app apps server servers platform ' +
    'thing things way ways work works working use using used run running get make do does handle handles handled handling ' +
    'deal deals question answer answers ' +
    'info information detail details explain describe mean means about available availability ' +
    'level levels monthly individual each ' +
    'published publish specific particular current currently offer offers offered provide provides exist exists ' +
    'guarantee guaranteed right good bad best ok okay yes no really ' +
    'quick quickly short briefly please pls plz kind kinds type types one two ' +
    'highest lowest top strongest weakest worst most least feature features capabilities capability characteristics overview ' +
    // The frame of a quiz or exam question ("True/False", "which of the following", "select the correct one").
    'true false following correct incorrect statement statements select',
);

/**
 * Adjectives of importance ("the **main** benefits", "**key** features"): right before an aspect
 * word or a word of {@link GENERIC_WORDS} they rank what is asked, they do not say which one, so
 * they are neither content nor a modifier there. Elsewhere they are words like any other ("sort
 * key", "primary key").
 */
export const IMPORTANCE_WORDS = wordSet(
  'IMPORTANCE_WORDS',
  'main key primary major principal chief core important notable significant essential fundamental crucial critical biggest',
);

/** First words of a sentence that asks ("how …", "which …", "is there …"): with a question mark, what marks a sentence as a question. */
export const QUESTION_STARTERS = wordSet(
  'QUESTION_STARTERS',
  'how what which why when where who whom whose can could does do did is are was will would should shall may might has have must any anyone',
);
/** First words of a yes/no question ("Can I run…", "Is App Runner…", "Does Lambda support…"). */
export const YES_NO_STARTERS = wordSet(
  'YES_NO_STARTERS',
  'can could does do did is are was will would should shall may might has have must',
);
/**
 * Words and phrases of a stated problem or a request for advice ("too big … what now", "how do I",
 * "what should we"): the knowledge base's advice outranks a lone fact for these.
 */
export const ADVICE_PHRASES = phraseList('ADVICE_PHRASES', [
  'where should',
  'how do i',
  'how do we',
  'how should i',
  'how should we',
  'how can i',
  'how can we',
  'how to',
  'what should i',
  'what should we',
  'what now',
  'what do i do',
  'what can i do',
  'what are my options',
  'best way',
  'best practice',
  'recommended way',
  'recommended approach',
  'too big',
  'too large',
  'too small',
  'instead',
  'workaround',
  'work around',
  'get around',
  'overcome',
  'bypass',
  'exceed',
  'exceeds',
  'exceeding',
  'deal with',
  'alternative',
  'alternatives',
  'doesn t fit',
  'does not fit',
  'won t fit',
  'exceeded',
  'hit the limit',
]);
/** Superlatives, by the order they ask for: `asc` the smallest first ("lowest SLA"), `desc` the largest. */
export const SUPERLATIVE_ASC = wordSet('SUPERLATIVE_ASC', 'lowest least worst minimum smallest weakest shortest');
export const SUPERLATIVE_DESC = wordSet('SUPERLATIVE_DESC', 'highest most best maximum largest biggest strongest longest top greatest');
/** Words that ask for what is absent ("which services publish no SLA", "without an SLA"). */
export const NEGATION_WORDS = wordSet('NEGATION_WORDS', 'no not without none lack lacks lacking missing never');
/**
 * Words that point back at an earlier turn of the conversation ("what's its SLA?", "which one",
 * "both", "instead"): a follow-up that has one is read in the context of the turn before.
 */
export const ANAPHOR_WORDS = wordSet(
  'ANAPHOR_WORDS',
  'it its itself that this these those they them their theirs one ones both other another either neither same instead',
);
/** First words of an elliptical follow-up ("and for Lambda?", "also the cons", "what about ECS?"). */
export const FOLLOW_UP_STARTERS = phraseList('FOLLOW_UP_STARTERS', [
  ['and'],
  ['also'],
  ['what', 'about'],
  ['how', 'about'],
  ['same', 'for'],
  ['now'],
] as const);
/** Words that ask for a list of every match rather than one pick ("which of these support Go?"). */
export const LIST_WORDS = wordSet('LIST_WORDS', 'which what list all every these those ones services options');
/** Words that ask for one pick, not a list ("which is best for…"). */
export const RECOMMEND_STRONG = wordSet('RECOMMEND_STRONG', 'best recommend recommended should ideal suitable suggest');
/** Words that separate names in a question; never part of a misspelt name ("app runer vs beanstlak"). */
export const SEPARATORS = wordSet('SEPARATORS', 'vs vs. versus or and with than over to for from in on of');
/** Prepositions that introduce what an aspect is asked of ("SLA **for** X"). */
export const OBJECT_PREPOSITIONS = wordSet('OBJECT_PREPOSITIONS', 'for of on');
/** Words that put a figure past a limit ("longer than 15 minutes", "over 400 KB"). */
export const OVER_WORDS = wordSet('OVER_WORDS', 'longer more over beyond exceed exceeds exceeding above bigger larger past higher greater');
/** Words that put a figure under a limit ("below 99.95%", "less than 99.9%"). */
export const UNDER_WORDS = wordSet('UNDER_WORDS', 'below under less lower fewer beneath shorter smaller');
/** The words that make such a bound inclusive: "**at least** 99.9%", "**at most**", "99.9% **or** more". */
export const INCLUSIVE_BOUND = { at: 'at', least: 'least', most: 'most', or: 'or' } as const;
