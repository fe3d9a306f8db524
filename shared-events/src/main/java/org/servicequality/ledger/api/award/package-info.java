/**
 * Awards: star ratings of departments and outlets (星级评定) and the Service Star rounds that select
 * individual staff (服务明星, 十佳服务之星) per period. Awards can be revoked; revocations are new events.
 */
package org.servicequality.ledger.api.award;
