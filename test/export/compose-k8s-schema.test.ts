// docker-compose.yml against the Compose Specification JSON schema (vendored from dclint 3.1.0, research B7)
// with ajv, plus the reference checks the schema cannot do; Kubernetes manifests against the Kubernetes 1.27
// JSON schemas of kubernetes-models 4.x (B8), plus metadata.name and the HPA/Service references.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { FILE } from '../../sim-core/export';
import { cases, exportFor, fixtureDir } from './helpers';

const schema = JSON.parse(readFileSync(join(fixtureDir, 'compose.schema.json'), 'utf8')) as Record<string, unknown>;
delete schema.$schema; // ajv does not know "https://json-schema.org/draft-07/schema" (B7)
const validateCompose = new Ajv({ strict: false, allErrors: true }).compile(schema);

type Service = { depends_on?: Record<string, unknown>; volumes?: string[] };

describe('docker-compose.yml follows the Compose Specification', () => {
  for (const c of cases()) {
    it(c.name, () => {
      const text = exportFor(c, 'compose').files[FILE.compose];
      const doc = parse(text) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
      const ok = validateCompose(doc);
      expect(ok, JSON.stringify(validateCompose.errors, null, 1)).toBe(true);
      for (const [name, svc] of Object.entries(doc.services)) {
        for (const dep of Object.keys(svc.depends_on ?? {})) expect(Object.keys(doc.services), `${name} depends_on ${dep}`).toContain(dep);
        for (const v of svc.volumes ?? []) {
          const src = v.split(':')[0];
          if (!src.startsWith('.') && !src.startsWith('/')) expect(Object.keys(doc.volumes ?? {}), `${name} volume ${src}`).toContain(src);
        }
      }
      // No secret values: the password is only ever a ${DB_PASSWORD…} reference.
      expect(text.replace("MYSQL_RANDOM_ROOT_PASSWORD: \"yes\"", "").replace("MYSQL_RANDOM_ROOT_PASSWORD: yes", "")).not.toMatch(/PASSWORD: (?!\$\{DB_PASSWORD)/);
    });
  }

  it('the schema is live: a misspelt key fails', () => {
    const doc = parse(exportFor(cases()[0], 'compose').files[FILE.compose]) as { services: Record<string, Record<string, unknown>> };
    const svc = doc.services.nginx;
    svc.port = svc.ports;
    expect(validateCompose(doc)).toBe(false);
  });
});

const require = createRequire(import.meta.url);
const MODELS: Record<string, string> = {
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
  'v1/Service': 'kubernetes-models/v1/Service',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'apps/v1/StatefulSet': 'kubernetes-models/apps/v1/StatefulSet',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
};

type K8sObject = { apiVersion: string; kind: string; metadata: { name?: string; labels?: Record<string, string> }; spec?: Record<string, any> };

function validateK8s(obj: K8sObject): void {
  const path = MODELS[`${obj.apiVersion}/${obj.kind}`];
  if (!path) throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}`);
  const mod = require(path) as Record<string, new (o: unknown) => { validate(): void }>;
  new mod[obj.kind](obj).validate();
}

describe('Kubernetes manifests validate against the Kubernetes 1.27 schemas (kubernetes-models 4.x)', () => {
  for (const c of cases()) {
    it(c.name, () => {
      const files = exportFor(c, 'k8s').files;
      const objs: K8sObject[] = [];
      for (const [name, text] of Object.entries(files)) {
        if (!name.startsWith('k8s/')) continue;
        for (const d of parseAllDocuments(text)) {
          expect(d.errors, name).toEqual([]);
          objs.push(d.toJS() as K8sObject);
        }
      }
      expect(objs.length).toBeGreaterThanOrEqual(4);
      for (const o of objs) {
        expect(o.metadata?.name, `${o.kind} needs metadata.name`).toBeTruthy();
        expect(() => validateK8s(o), `${o.kind} ${o.metadata.name}`).not.toThrow();
      }
      const names = (kind: string) => objs.filter((o) => o.kind === kind).map((o) => o.metadata.name!);
      const workloads = [...names('Deployment'), ...names('StatefulSet')];
      for (const h of objs.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
        expect(workloads).toContain(h.spec!.scaleTargetRef.name);
        expect(h.spec!.maxReplicas).toBeGreaterThanOrEqual(h.spec!.minReplicas);
        expect(h.spec!.minReplicas).toBe(c.scenario.app.instances.length);
      }
      for (const s of objs.filter((o) => o.kind === 'Service')) {
        expect(workloads, `Service ${s.metadata.name} selects a workload`).toContain(s.spec!.selector['app.kubernetes.io/name']);
      }
      for (const w of objs.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
        for (const v of w.spec!.template.spec.volumes ?? []) if (v.configMap) expect(names('ConfigMap')).toContain(v.configMap.name);
        const res = w.spec!.template.spec.containers[0].resources;
        expect(res.requests.memory).toMatch(/^\d+Mi$/);
        expect(res.limits.cpu).toBeTruthy();
      }
    });
  }

  it('the schemas are live: a bad quantity and a missing selector fail', () => {
    const objs = parseAllDocuments(exportFor(cases()[0], 'k8s').files['k8s/app.yaml']).map((d) => d.toJS() as K8sObject);
    const dep = objs.find((o) => o.kind === 'Deployment')!;
    dep.spec!.template.spec.containers[0].resources.requests.cpu = 'two';
    expect(() => validateK8s(dep)).toThrow(/quantity/);
    delete dep.spec!.selector;
    expect(() => validateK8s(dep)).toThrow(/selector/);
  });
});
