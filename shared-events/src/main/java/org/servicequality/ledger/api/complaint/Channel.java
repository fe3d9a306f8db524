package org.servicequality.ledger.api.complaint;

/** How an item reached the organisation (网站 / 电话语音 / 短信 / 触摸屏 / 信件 / 现场 / 热线). */
public enum Channel {
    WEB,
    PHONE_VOICE,
    SMS,
    KIOSK,
    LETTER,
    IN_PERSON,
    HOTLINE
}
