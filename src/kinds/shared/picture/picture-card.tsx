import type { KindCardProps } from '../card-props';
import { PictureBody } from './picture-body';

/** The card of a picture kind (imagine, edits): the feed's frame around a picture's body. */
export function PictureCard({ job, Frame }: KindCardProps) {
  return <Frame job={job} body={(state) => <PictureBody job={job} {...state} />} />;
}
