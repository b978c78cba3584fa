export { HelpRequests } from './HelpRequests';
export { HelpRequestDetail } from './HelpRequestDetail';
export { NewHelpRequest } from './NewHelpRequest';
