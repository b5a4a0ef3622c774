/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * A HostConfig close to Microsoft Teams' light theme (Segoe UI, Teams purple accent, Teams' font
 * sizes and spacing, up to 6 actions side by side), so the card renders as it would in a Teams
 * chat. Values follow the "Microsoft Teams - Light" host config of the Adaptive Cards Designer.
 */

const foreground = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#252424', subtle: '#484644' },
  light: { default: '#ffffff', subtle: '#f3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#237b4b', subtle: '#92c353' },
  warning: { default: '#835c00', subtle: '#f8d22a' },
  attention: { default: '#c4314b', subtle: '#d74654' },
};

/** The HostConfig JSON (pass to `new HostConfig(...)`). */
export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e1dfdd' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors: foreground },
    emphasis: { backgroundColor: '#f5f5f5', foregroundColors: foreground },
    accent: { backgroundColor: '#e8ebfa', foregroundColors: foreground },
    good: { backgroundColor: '#e7f2da', foregroundColors: foreground },
    attention: { backgroundColor: '#fcf4f6', foregroundColors: foreground },
    warning: { backgroundColor: '#fbf6d9', foregroundColors: foreground },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
    iconSize: 16,
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 16,
  },
  textBlock: { headingLevel: 2 },
  table: { cellSpacing: 8 },
} as const;
