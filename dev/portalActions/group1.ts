import { PortalPlugin } from './types';
import { kubernetesPlugin } from './plugins/kubernetes';
import { argocdPlugin } from './plugins/argocd';
import { githubPlugin } from './plugins/github';
import { techdocsPlugin } from './plugins/techdocs';
import { searchPlugin } from './plugins/search';
import { lighthousePlugin } from './plugins/lighthouse';
import { techRadarPlugin } from './plugins/tech-radar';

export const group1: PortalPlugin[] = [
  kubernetesPlugin,
  argocdPlugin,
  githubPlugin,
  techdocsPlugin,
  searchPlugin,
  lighthousePlugin,
  techRadarPlugin,
];
