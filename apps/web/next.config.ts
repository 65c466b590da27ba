// The dashboard is a static export served by the API's own Worker (Workers Static Assets) under /app: one origin,
// no CORS, no server rendering — every page is a client of the API through @cogo/api-client.
import type { NextConfig } from 'next';

const config: NextConfig = {
  output: 'export',
  basePath: '/app',
  trailingSlash: true,
  images: { unoptimized: true },
  transpilePackages: ['@cogo/api-client', '@cogo/figma-context', '@cogo/figma-compat'],
  poweredByHeader: false,
};

export default config;
