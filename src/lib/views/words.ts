/** Words of the data contract that the publishing guide quotes, re-exported so pages never import the validator. */
export { STATUSES } from '../validate/data.ts';
