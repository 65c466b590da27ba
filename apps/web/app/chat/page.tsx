// Chat: design chat turns (POST /chat/design through the client's streamDesign): each message generates a page, or
// refines the last one made, with the project's design knowledge (RAG) as sources; the page is drawn as it arrives
// and can be applied on the turn's trace.
'use client';
import { fetchDesignArtifact, streamDesign } from '@cogo/api-client';
import { useRef, useState, type FormEvent } from 'react';
import { applyEvent, lastPage, newTurn, type Turn } from '../../lib/chat-turn';
import { RequireKey } from '../../lib/require-key';
import { apiBase } from '../../lib/session';
import './chat.css';
import { TurnView } from './turn';

function Chat({ apiKey }: { apiKey: string }) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [prompt, setPrompt] = useState('');
  const [generator, setGenerator] = useState<'llm' | 'keyword'>('llm');
  const [ragLimit, setRagLimit] = useState(6);
  const [refine, setRefine] = useState(true);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const update = (at: number, f: (t: Turn) => Turn) => setTurns((all) => all.map((t, i) => (i === at ? f(t) : t)));

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const text = prompt.trim();
    if (!text || busy) return;
    const page = refine ? lastPage(turns) : null;
    const at = turns.length;
    setTurns((all) => [...all, newTurn(text)]);
    setPrompt('');
    setBusy(true);
    const controller = new AbortController();
    abort.current = controller;
    const conn = { baseUrl: apiBase(), apiKey, signal: controller.signal };
    try {
      const turn = streamDesign(conn, { prompt: text, generator, rag: { limit: ragLimit }, ...(page ? { page } : {}) });
      for (;;) {
        const next = await turn.next();
        if (next.done) {
          const done = next.value;
          update(at, (t) => ({ ...t, done, traceId: done.trace_id }));
          break;
        }
        const ev = next.value;
        update(at, (t) => applyEvent(t, ev));
        // an offloaded page: fetched from its artifact, checked against the previewed hash
        if (ev.event === 'ui.preview' && !ev.data.cogo_ui_json && ev.data.artifact) {
          const art = await fetchDesignArtifact(conn, ev.data.artifact);
          update(at, (t) => ({ ...t, page: art.cogo_ui_json }));
        }
      }
    } catch (err) {
      const traceId = (err as { traceId?: string | null }).traceId ?? null;
      update(at, (t) => ({ ...t, error: err, traceId: t.traceId ?? traceId }));
    } finally {
      setBusy(false);
      abort.current = null;
    }
  };

  const hasPage = lastPage(turns) !== null;
  return (
    <>
      <h1>Chat</h1>
      <p className="muted">Ask for a page; the next message refines it. Sources come from this project's applied designs and components.</p>
      {turns.length === 0 ? <p className="empty">No turns yet: try “a pricing page with three plans and a FAQ”.</p> : null}
      {turns.map((t, i) => (
        <TurnView key={i} turn={t} index={i} apiKey={apiKey} live={busy && i === turns.length - 1} />
      ))}
      <form className="chat-form" onSubmit={send}>
        <label htmlFor="chat-prompt">Message</label>
        <textarea id="chat-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} maxLength={4000} />
        <div className="chat-options">
          <div>
            <label htmlFor="chat-generator">Generator</label>
            <select id="chat-generator" value={generator} onChange={(e) => setGenerator(e.target.value as 'llm' | 'keyword')}>
              <option value="llm">model (LLM gateway)</option>
              <option value="keyword">keyword (offline, no model)</option>
            </select>
          </div>
          <div>
            <label htmlFor="chat-rag">Sources (0: none)</label>
            <input id="chat-rag" type="number" min={0} max={50} value={ragLimit} onChange={(e) => setRagLimit(Math.max(0, Math.min(50, Number(e.target.value) || 0)))} />
          </div>
          {hasPage ? (
            <label>
              <input type="checkbox" checked={refine} onChange={(e) => setRefine(e.target.checked)} /> refine the last page
            </label>
          ) : null}
        </div>
        <button type="submit" disabled={busy || !prompt.trim()}>
          {busy ? 'Working…' : 'Send'}
        </button>
        {busy ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            Stop
          </button>
        ) : null}
      </form>
    </>
  );
}

export default function ChatPage() {
  return <RequireKey>{(key) => <Chat apiKey={key} />}</RequireKey>;
}
