// The sample Storybook server (its index is the registry's sample) and the local Chromium its stories render in.
import { sampleCodeConnect, sampleComponentsManifest, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from './chromium';
import { startSampleStorybook, type SampleStorybook } from './storybook-sample';

describe('sample Storybook build', () => {
  let sb: SampleStorybook;
  beforeAll(async () => {
    sb = await startSampleStorybook();
  });
  afterAll(() => sb.close());

  it('serves index.json equal to the sample index, the story iframe and its script', async () => {
    const index = await fetch(`${sb.url}/index.json`);
    expect(index.headers.get('content-type')).toBe('application/json');
    expect(await index.json()).toEqual(sampleStorybookIndex);
    const iframe = await (await fetch(`${sb.url}/iframe.html?id=components-button--primary&viewMode=story`)).text();
    expect(iframe).toContain('<div id="storybook-root"></div>');
    const script = await (await fetch(`${sb.url}/stories.js`)).text();
    for (const e of Object.values(sampleStorybookIndex.entries).filter((x) => x.type === 'story')) expect(script).toContain(`'${e.id}'`);
    expect(await (await fetch(`${sb.url}/docgen.json`)).json()).toEqual(sampleDocgen);
    expect(await (await fetch(`${sb.url}/code-connect.json`)).json()).toEqual(sampleCodeConnect);
    expect(await (await fetch(`${sb.url}/manifests/components.json`)).json()).toEqual(sampleComponentsManifest);
    // the build as Storybook 10 publishes it by itself: its index and manifest, nothing beside them
    expect(await (await fetch(`${sb.url}/storybook-10/index.json`)).json()).toEqual(sampleStorybookIndex);
    expect(await (await fetch(`${sb.url}/storybook-10/manifests/components.json`)).json()).toEqual(sampleComponentsManifest);
    expect((await fetch(`${sb.url}/storybook-10/docgen.json`)).status).toBe(404);
    expect((await fetch(`${sb.url}/storybook-10/code-connect.json`)).status).toBe(404);
    expect((await fetch(`${sb.url}/nope`)).status).toBe(404);
  });
});

describe('local Chromium', () => {
  it('starts with its DevTools endpoint on loopback and stops', async () => {
    const chromium = await startChromium();
    try {
      expect(chromium.cdpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const version = (await (await fetch(`${chromium.cdpUrl}/json/version`)).json()) as { Browser: string; webSocketDebuggerUrl: string };
      expect(version.Browser).toMatch(/Chrom/);
      expect(version.webSocketDebuggerUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);
    } finally {
      await chromium.close();
    }
    expect(chromium.child.exitCode !== null || chromium.child.signalCode !== null).toBe(true);
    await expect(fetch(`${chromium.cdpUrl}/json/version`)).rejects.toThrow();
  });
});
