/**
 * Colours for a Likert scale, from ColorBrewer's BrBG diverging scheme (brown for disagreeing, teal
 * for agreeing, grey in the middle), readable by the common forms of colour blindness. Colour only
 * repeats what position (left of the centre line is disagreeing) and the legend's words say.
 */
const BREWER_BRBG: Record<number, string[]> = {
  3: ['#d8b365', '#f5f5f5', '#5ab4ac'],
  4: ['#a6611a', '#dfc27d', '#80cdc1', '#018571'],
  5: ['#a6611a', '#dfc27d', '#e8e8e8', '#80cdc1', '#018571'],
  6: ['#8c510a', '#d8b365', '#f6e8c3', '#c7eae5', '#5ab4ac', '#01665e'],
  7: ['#8c510a', '#d8b365', '#f6e8c3', '#e8e8e8', '#c7eae5', '#5ab4ac', '#01665e'],
};

export const likertColours = (points: number): string[] => BREWER_BRBG[points] ?? BREWER_BRBG[5]!;

/** Dark text on the light colours, white on the dark ends. */
export const textOn = (colour: string) => (['#8c510a', '#a6611a', '#01665e', '#018571'].includes(colour) ? '#ffffff' : '#1d2126');

export const HIDDEN_COLOUR = '#9aa1a9';
