// What share of the client traffic a scenario's CDN serves at the edge, from the request mix: for the classes the
// CDN covers, share × hit ratio of the requests, and share × hit ratio × response size of the bytes.

import type { WebStackScenario } from '../web-stack/schema';

export interface CdnShare {
  requests: number;
  bytes: number;
}

export function cdnShare(s: WebStackScenario): CdnShare {
  if (!s.cdn) return { requests: 0, bytes: 0 };
  const covered = new Set(s.cdn.classes);
  let req = 0;
  let edgeBytes = 0;
  let allBytes = 0;
  for (const c of s.workload.classes) {
    allBytes += c.share * c.response_kb;
    if (!covered.has(c.name)) continue;
    req += c.share * s.cdn.hit_ratio;
    edgeBytes += c.share * s.cdn.hit_ratio * c.response_kb;
  }
  return { requests: req, bytes: allBytes > 0 ? edgeBytes / allBytes : 0 };
}
