package org.servicequality.ledger.query;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/** @param timeZone the organisation's time zone: "this month" and every period boundary on the read side follow it */
@ConfigurationProperties("ledger")
@Validated
record OrganisationTimeProperties(@NotNull @DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
