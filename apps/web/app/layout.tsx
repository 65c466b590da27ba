import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ProjectChanges } from './changes';
import './globals.css';

export const metadata: Metadata = { title: 'COGO', description: 'Designs, their jobs and their context' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav aria-label="Main" className="main">
          <strong>COGO</strong>
          <Link href="/">Project</Link>
          <Link href="/extract/">Extract</Link>
          <Link href="/design/">Design</Link>
          <Link href="/tokens/">Tokens</Link>
          <Link href="/jobs/">Jobs</Link>
          <Link href="/chat/">Chat</Link>
          <Link href="/sync/">Sync</Link>
          <Link href="/observability/">Observability</Link>
          <ProjectChanges />
        </nav>
        <main>{children}</main>
      </body>
    </html>
  );
}
