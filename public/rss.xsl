<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS feed of this site as a readable page when a person opens it in a browser. -->
<xsl:stylesheet version="1.0"
	xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:dc="http://purl.org/dc/elements/1.1/">
	<xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes"/>
	<xsl:template match="/">
		<html lang="{/rss/channel/language}">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
				<link rel="stylesheet" href="/rss.css"/>
			</head>
			<body>
				<p class="about">
					This is an RSS feed. Copy its address, <code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></code>,
					into a feed reader to follow these reports.
				</p>
				<h1><xsl:value-of select="/rss/channel/title"/></h1>
				<p><xsl:value-of select="/rss/channel/description"/></p>
				<p><a href="{/rss/channel/link}">Open the page on the site</a></p>
				<ol>
					<xsl:for-each select="/rss/channel/item">
						<li>
							<a href="{link}"><strong><xsl:value-of select="title"/></strong></a>
							<div>
								<xsl:call-template name="html-text">
									<xsl:with-param name="html" select="description"/>
								</xsl:call-template>
							</div>
							<div class="meta">
								<xsl:value-of select="source"/> · <xsl:value-of select="pubDate"/>
							</div>
						</li>
					</xsl:for-each>
				</ol>
			</body>
		</html>
	</xsl:template>

	<!-- An item's description is HTML (RSS 2.0): the excerpt escaped as text. Shown as that text:
	     each of the three references it can hold is decoded once, left to right. -->
	<xsl:template name="html-text">
		<xsl:param name="html"/>
		<xsl:choose>
			<xsl:when test="contains($html, '&amp;')">
				<xsl:variable name="rest" select="substring-after($html, '&amp;')"/>
				<xsl:value-of select="substring-before($html, '&amp;')"/>
				<xsl:choose>
					<xsl:when test="starts-with($rest, 'lt;')">&lt;</xsl:when>
					<xsl:when test="starts-with($rest, 'gt;')">&gt;</xsl:when>
					<xsl:otherwise>&amp;</xsl:otherwise>
				</xsl:choose>
				<xsl:call-template name="html-text">
					<xsl:with-param name="html">
						<xsl:choose>
							<xsl:when test="starts-with($rest, 'lt;') or starts-with($rest, 'gt;')"><xsl:value-of select="substring($rest, 4)"/></xsl:when>
							<xsl:when test="starts-with($rest, 'amp;')"><xsl:value-of select="substring($rest, 5)"/></xsl:when>
							<xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
						</xsl:choose>
					</xsl:with-param>
				</xsl:call-template>
			</xsl:when>
			<xsl:otherwise>
				<xsl:value-of select="$html"/>
			</xsl:otherwise>
		</xsl:choose>
	</xsl:template>
</xsl:stylesheet>
