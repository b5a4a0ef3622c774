/** English words that carry no meaning for matching text. */
import { wordSet } from './word-list';

/** Words that carry no meaning for matching. */
export const STOP_WORDS: ReadonlySet<string> = wordSet(
  'STOP_WORDS',
  'a about above after again all also am an and any are as at be because been being both but by can could ' +
    'did do does doing done for from further get gets got had has have having he her here hers him his how i if in ' +
    'into is it its itself just let lets me more most much my no nor not of off on once only or other our out own per ' +
    'please same she should so some such than that the their them then there these they this those through to too ' +
    'under until up us very was we were what when where which while who whom why will with would you your yours ' +
    'tell show give know need want like s t d ll re ve m thanks thank hey hi hello pls plz',
);
