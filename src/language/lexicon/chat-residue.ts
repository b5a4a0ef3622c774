/** Phrases of a chat export that are not knowledge: back-references to a conversation, and UI residue. */
import { phraseList } from './word-list';

/** Openers that point back to an earlier conversation ("As we discussed earlier, …"). */
export const BACK_REFERENCES = phraseList('BACK_REFERENCES', [
  'as we discussed earlier',
  'as we discussed before',
  'as discussed earlier',
  'as discussed before',
  'as mentioned earlier',
  'as mentioned before',
  'as i mentioned earlier',
  'as i mentioned before',
  'as we saw earlier',
  'as noted earlier',
  'as i said earlier',
  'as we covered earlier',
]);

/** Residue of a chat UI's buttons and attachments, pasted along with the text. */
export const UI_RESIDUE = phraseList('UI_RESIDUE', ['click to open document', 'click to open', 'copy code', 'open in new tab']);
