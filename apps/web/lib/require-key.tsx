// A page that needs the session's key: its content with the key, or a pointer to sign in.
'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useApiKey } from './session';

export function RequireKey({ children }: { children: (key: string) => ReactNode }) {
  const [key] = useApiKey();
  if (!key) {
    return (
      <p className="empty">
        Not signed in. <Link href="/">Enter a project API key</Link> first.
      </p>
    );
  }
  return <>{children(key)}</>;
}
