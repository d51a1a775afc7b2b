export { oauth2Service } from './oauth2.service.js';
