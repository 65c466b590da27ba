// Published styles of the sample file: the `styles` map entries and the ids nodes use in their `styles`.
import type { Style } from '@figma/rest-api-spec';
import { stableKey } from './sample-variables';

/** Style node ids by role. */
export const STYLES = {
  brandFill: '60:1',
  surfaceFill: '60:2',
  heading: '60:3',
  body: '60:4',
  caption: '60:5',
  cardShadow: '60:6',
} as const;

/** The file-level `styles` map of the sample file. */
export function storefrontStyles(): Record<string, Style> {
  const style = (name: string, styleType: Style['styleType'], description = ''): Style => ({
    key: stableKey(`style:${name}`),
    name,
    styleType,
    remote: false,
    description,
  });
  return {
    [STYLES.brandFill]: style('Brand/Primary', 'FILL', 'Primary actions and links'),
    [STYLES.surfaceFill]: style('Surface/Default', 'FILL'),
    [STYLES.heading]: style('Heading/H2', 'TEXT'),
    [STYLES.body]: style('Body/Regular', 'TEXT'),
    [STYLES.caption]: style('Caption', 'TEXT'),
    [STYLES.cardShadow]: style('Elevation/Card', 'EFFECT', 'Resting cards'),
  };
}
