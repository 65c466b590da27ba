import { describe, expect, it } from 'vitest';
import { sanitize, storyNameFromExport, toId } from './storybook-id';

describe("Storybook's story ids", () => {
  it('sanitizes titles and names as Storybook does', () => {
    expect(toId('Components/Button', 'Primary')).toBe('components-button--primary');
    expect(toId('Forms/Text Field', storyNameFromExport('WithIcon'))).toBe('forms-text-field--with-icon');
    expect(sanitize('  Hello’s  World!! (beta)/')).toBe('hello-s-world-beta');
    expect(sanitize('Ünïcode_Ärger')).toBe('ünïcode-ärger');
  });

  it('names a story from its export name in start case', () => {
    expect(storyNameFromExport('PrimaryLarge')).toBe('Primary Large');
    expect(storyNameFromExport('ABCButton')).toBe('ABC Button');
    expect(storyNameFromExport('size2XL')).toBe('Size 2 XL');
    expect(storyNameFromExport('with_icon-now')).toBe('With Icon Now');
  });

  it('falls back where Storybook would throw: a part with nothing left', () => {
    expect(toId('!!!', 'Small', 'Button')).toBe('button--small');
    expect(toId('***', '???', '***')).toBe('component--story');
  });
});
