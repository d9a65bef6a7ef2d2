import { NotFoundMessage } from "@/components/shell/not-found-message";

/** notFound() inside the signed-in area keeps the shell around the 404. */
export default function SignedInNotFound() {
  return <NotFoundMessage />;
}
