export { deliveryListColumns, findDelivery, REJECTED_BODY_PREFIX_BYTES, rejectedForSignature, SIGNATURE_REJECTION, storableHeaders } from "./stored-deliveries";
export { storeAcceptedDelivery } from "./store-accepted-delivery";
export { takeRefusal } from "./refusal-limits";
