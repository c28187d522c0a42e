// A host: its CPUs as processor sharing (every process placed on it shares them), its disk as an FCFS station,
// its NIC as a one-core processor-sharing link. Time in ms; CPU work in ms of one reference core.

import type { Simulator } from '../../kernel/simulator';
import type { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { FcfsStation } from '../../resources/fcfs-station';
import { ProcessorSharing } from '../../resources/processor-sharing';
import type { HostSpec } from '../schema';
import { diskModel } from './disk-profiles';

export class Host {
  readonly cpu: ProcessorSharing;
  readonly disk: FcfsStation;
  readonly nic: ProcessorSharing;
  readonly diskServiceMs: number;
  readonly cores: number;

  constructor(sim: Simulator, readonly index: number, readonly spec: HostSpec, cpuClient: ResourceClient, diskClient: ResourceClient, nicClient: ResourceClient) {
    // CPU left for the model after the background load; the cpu_speed factor turns reference-core ms into time.
    this.cores = spec.vcpus * (1 - spec.background_cpu);
    this.cpu = new ProcessorSharing(sim, index, cpuClient, Math.max(this.cores, 1e-6), spec.cpu_speed);
    const d = diskModel(spec.disk);
    this.diskServiceMs = d.service_ms;
    this.disk = new FcfsStation(sim, index, diskClient, { servers: d.servers });
    // NIC: bytes per ms = Gbit/s × 1e9 / 8 / 1000; one "core" so transfers share the link.
    this.nic = new ProcessorSharing(sim, index, nicClient, 1, (spec.nic_gbps * 1e9) / 8 / 1000);
  }

  levels(): TimeAverage[] {
    return [this.cpu.busyLevel, this.cpu.jobLevel, this.disk.busyLevel, this.disk.queueLevel, this.nic.busyLevel, this.nic.jobLevel];
  }

  utilization(from: number, to: number): { cpu: number; disk: number; nic: number } {
    return {
      cpu: this.cpu.busyLevel.average(from, to) / this.cpu.cores,
      disk: this.disk.busyLevel.average(from, to) / this.disk.servers,
      nic: this.nic.busyLevel.average(from, to),
    };
  }
}
