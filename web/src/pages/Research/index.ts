export { Research } from './Research';
export { ResearchProjects } from './ResearchProjects';
