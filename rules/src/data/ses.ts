/**
 * Amazon SES configuration sets: `AWS::SES::ConfigurationSet` `DeliveryOptions.TlsPolicy`.
 *
 * Sources: the CloudFormation resource schema (`TlsPolicy` pattern `REQUIRE|OPTIONAL`); the SES API
 * reference DeliveryOptions ("If the value is Require, messages are only delivered if a TLS
 * connection can be established. If the value is Optional, messages can be delivered in plain text
 * if a TLS connection can't be established."); SES developer guide "Amazon SES and security
 * protocols" (delivery to the receiving mail server uses TLS when the server offers it, and a
 * configuration set can require it).
 */

export const SES_CONFIGURATION_SET = 'AWS::SES::ConfigurationSet';

/** The value that makes SES refuse to deliver without TLS. */
export const SES_TLS_REQUIRE = 'REQUIRE';

/** What SES does without `TlsPolicy`: opportunistic TLS (the SES API's `Optional`). */
export const SES_TLS_DEFAULT = 'OPTIONAL';
