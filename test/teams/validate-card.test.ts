import { activityCardErrors, houseRuleErrors, libraryErrors } from './helpers/validate-card';

const card = (body: unknown[], actions: unknown[] = []) => ({ type: 'AdaptiveCard', version: '1.5', body, actions });

describe('card validation helper', () => {
  describe('libraryErrors', () => {
    it('accepts a well-formed 1.5 card with a Table and submits', () => {
      expect(
        libraryErrors(
          card([
            { type: 'TextBlock', text: 'x', wrap: true, style: 'heading' },
            { type: 'Table', columns: [{ width: 1 }], rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [] }] }] },
            { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'go', data: { a: 1 } }] },
          ]),
        ),
      ).toEqual([]);
    });

    it('reports unknown element and action types', () => {
      const errors = libraryErrors(card([{ type: 'Fancy' }], [{ type: 'Action.Nope' }]));
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/UnknownElementType/);
      expect(errors[1]).toMatch(/UnknownActionType/);
    });

    it('reports duplicate ids', () => {
      expect(
        libraryErrors(
          card([
            { type: 'TextBlock', text: 'a', id: 'x' },
            { type: 'TextBlock', text: 'b', id: 'x' },
          ]),
        ),
      ).toEqual([expect.stringMatching(/DuplicateId/)]);
    });
  });

  describe('houseRuleErrors', () => {
    it('requires wrap, text, version 1.5 and one cell per column', () => {
      const errors = houseRuleErrors({
        type: 'AdaptiveCard',
        version: '1.6',
        body: [
          { type: 'TextBlock', text: 'no wrap' },
          { type: 'TextBlock', text: ' ', wrap: true },
          { type: 'Table', columns: [{ width: 1 }], rows: [{ type: 'TableRow', cells: [{}, {}] }] },
          { type: 'FactSet', facts: [] },
        ],
      });
      expect(errors).toEqual([
        'version is 1.6',
        'TextBlock without wrap: no wrap',
        'TextBlock with empty text',
        'Table row with 2 cells, 1 columns',
        'empty FactSet',
      ]);
    });
  });

  describe('activityCardErrors', () => {
    it('wants exactly one Adaptive Card attachment', () => {
      expect(activityCardErrors({ attachments: [] })).toEqual(['0 attachments, want 1']);
      expect(activityCardErrors({ attachments: [{ contentType: 'text/html', content: '' }] })).toEqual(['contentType text/html']);
    });
  });
});
