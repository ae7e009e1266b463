/**
 * A worker thread of the analysis pool (analysis-pool.ts): turns stories' text into what the store
 * indexes — the exact terms for FTS5 and the ranked index's terms — off the thread that writes.
 */
import { parentPort } from 'node:worker_threads';
import { indexText, type AnalysisRequest, type AnalysisResponse } from './analyzed-story.js';

if (parentPort === null) throw new Error('analysis-worker.js runs as a worker thread only');
const port = parentPort;

port.on('message', (msg: AnalysisRequest) => {
  try {
    const out = msg.texts.map(indexText);
    port.postMessage({ id: msg.id, out } satisfies AnalysisResponse);
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) } satisfies AnalysisResponse);
  }
});
