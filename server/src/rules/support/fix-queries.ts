// The rules' predicates that fix planning asks (model/fix-contract.ts ModelQueries): handed to fixes/
// by the engine, so a fix links a zone where the DNS link rules look, and no copy of them exists.
import type { ModelQueries } from '../../model';
import { certainlyCreatedAsOne } from './certain';
import { serverVnets } from './dns-custom-servers';
import { zoneNameOfConfig, zonesNamed } from './dns-endpoint';
import { endpointVnet, linksMaybeOf, mayBeLinked, peeredBothWays, sameId, usesAzureProvidedDns } from './dns-network';

export const fixQueries: ModelQueries = {
  certainlyCreatedAsOne,
  sameId,
  zonesNamed,
  zoneNameOfConfig,
  endpointVnet,
  peeredBothWays,
  usesAzureProvidedDns,
  linksMaybeOf,
  mayBeLinked,
  serverVnets,
};
