/**
 * The virtual IP of a replicated service (127.B.S.250, network.ts): what another container reaches as
 * `http://api:4096`, balanced over the replicas by the gateway's service-address listener (Docker's VIP does the
 * same at the TCP level; this one also moves a refused connection to the next replica).
 */
import { startServiceAddress, type ServiceAddress } from '../../../gateway/src/service-address.js';

export type ServiceVip = ServiceAddress;

export function startServiceVip(opts: {
  name: string;
  host: string;
  port: number;
  servers: string[];
}): Promise<ServiceVip> {
  return startServiceAddress(opts);
}
